# syntax=docker/dockerfile:1
# Production image: the API and the built SPA in one Node process, PostgreSQL outside
# (DATABASE_URL). See docker-compose.yml and docs/operations.md.

ARG NODE_IMAGE=node:24-bookworm-slim

# 1. Build: every dependency (TypeScript, Vite…), then contracts → server → client.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY contracts contracts
COPY migrations migrations
COPY server server
COPY client client
RUN npm run build

# 2. Production dependencies of the server workspace only (the client's libraries are bundled into
# client/dist). The install scripts run: @embedded-postgres/linux-* needs its postinstall, should
# the image ever be started without DATABASE_URL.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --omit=dev --workspace=server --no-audit --no-fund && npm cache clean --force

# 3. Runtime: production node_modules + built output. Migrations are compiled into server/dist and
# run at start-up (MIGRATE_ON_START=true by default).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
# node_modules keeps npm's workspace links (node_modules/@app/contracts -> ../../contracts).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=build /app/contracts/package.json ./contracts/package.json
COPY --from=build /app/contracts/dist ./contracts/dist
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/assets ./server/assets
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/client/dist ./client/dist
# Only DATA_DIR (the embedded cluster, unused when DATABASE_URL is set) is writable by the app.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/server/src/main.js"]
