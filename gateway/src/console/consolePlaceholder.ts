/** What `/` shows when the console has not been built (the stack builds it; so does `npm install`). */
export const consolePlaceholder = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Resident Graph</title></head>
<body><h1>Resident Graph 居民信息图谱</h1>
<p>控制台尚未构建 / the console is not built: <code>npm run build -w @resident-graph/console</code></p>
<p>GraphQL endpoint: <code>POST /graphql</code> · health: <a href="/health">/health</a></p>
</body></html>`;
