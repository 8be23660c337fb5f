# syntax=docker/dockerfile:1

# Production dependencies only. tsx is one of them: the service runs TypeScript directly.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# mongodb-memory-server would download a mongod binary on install; containers get their
# database from MONGODB_URI instead, as docker-compose.yml sets it.
ENV MONGOMS_DISABLE_POSTINSTALL=1
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Files stay owned by root, so the service cannot modify its own code.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY seed ./seed
# The embedded database is used only when MONGODB_URI is unset.
COPY embedded-db ./embedded-db
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm start`, run without npm and its shell in between, so that SIGTERM
# from `docker stop` reaches the server, which then finishes in-flight requests and exits 0.
CMD ["node", "--import", "tsx", "src/server.ts"]
