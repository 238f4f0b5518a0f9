# Watermark: one image serving the API and the built React app.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production

COPY package.json package-lock.json .npmrc ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# Dev dependencies are needed to build the client (Vite); tsx, which runs the server, is a runtime dependency.
RUN npm ci --include=dev --no-audit --no-fund

COPY . .
RUN npm run build:client

EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://localhost:3000/readyz').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
CMD ["npm", "start"]
