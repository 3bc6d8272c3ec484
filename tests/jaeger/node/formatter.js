// The tutorial's formatter in Node.js, traced with the npm jaeger-client (Jaeger's Node.js
// client): GET /format?helloTo=X answers "Hello, X!" in a server span "format" that continues
// the caller's trace from the uber-trace-id header and logs event=string-format. Prints
// "listening on 127.0.0.1:<port>" (--port 0: the OS picks); closes its tracer, which sends the
// spans, on SIGTERM. Where the spans go comes from the JAEGER_* environment (initTracerFromEnv).
'use strict';

const http = require('http');
const { initTracerFromEnv } = require('jaeger-client');
const { FORMAT_HTTP_HEADERS, Tags } = require('opentracing');

const portArgument = process.argv.indexOf('--port');
const port = portArgument > 0 ? Number(process.argv[portArgument + 1]) : 8081;

const tracer = initTracerFromEnv(
  {
    serviceName: 'formatter-node',
    sampler: { type: 'const', param: 1 },
    reporter: { logSpans: true, flushIntervalMs: 100 },
  },
  {},
);

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const parent = tracer.extract(FORMAT_HTTP_HEADERS, request.headers);
  const span = tracer.startSpan('format', { childOf: parent || undefined });
  span.setTag(Tags.SPAN_KIND, Tags.SPAN_KIND_RPC_SERVER);
  if (url.pathname !== '/format') {
    span.setTag(Tags.ERROR, true);
    response.writeHead(404);
    response.end();
    span.finish();
    return;
  }
  const greeting = `Hello, ${url.searchParams.get('helloTo')}!`;
  span.log({ event: 'string-format', value: greeting });
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end(greeting);
  span.finish();
});

server.listen(port, '127.0.0.1', () => {
  console.log(`listening on 127.0.0.1:${server.address().port}`);
});

process.on('SIGTERM', () => {
  server.close();
  tracer.close(() => process.exit(0));
});
