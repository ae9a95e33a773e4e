/** Placeholder until the front-line console lands: says where the API is. */
export const consolePage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Resident Graph</title></head>
<body><h1>Resident Graph 居民信息图谱</h1>
<p>GraphQL endpoint: <code>POST /graphql</code> · health: <a href="/health">/health</a></p>
</body></html>`;
