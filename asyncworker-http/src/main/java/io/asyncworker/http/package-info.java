/**
 * The HTTP backend: routes served by a Vert.x server, plus the built-in Prometheus and health
 * routes.
 *
 * <pre>{@code
 * App app = App.create();                       // ASYNCWORKER_HTTP_HOST / _PORT decide where
 * app.route(HttpRoute.get("/items/{id}", req -> Response.json(repo.find(req.pathParam("id", long.class)))));
 * app.route(HttpRoute.post("/items", req -> Response.json(repo.save(req.body(Item.class))).withStatus(201)));
 * app.run();
 * }</pre>
 *
 * <h2>Threading</h2>
 * The Vert.x event loop only routes, reads the body and copies the request; every handler runs
 * on a virtual thread of its own and may block. The response is written back on the event loop.
 *
 * <h2>Errors</h2>
 * Every error is JSON {@code {"error": "...", ...}} in the client's terms, without a Java class
 * name, a Jackson token or a stack trace: a parameter or header that does not convert or a JSON
 * body that is malformed, {@code null} or of the wrong shape is {@code 400} (naming the parameter,
 * or the field, the JSON expected and found and the position), a body over the route's limit
 * {@code 413}, an unknown path {@code 404}, a known path with another method {@code 405} with an
 * {@code Allow} header, a handler exception {@code 500} (logged with the route's name). Handlers
 * throw {@link io.asyncworker.http.HttpException} for other statuses.
 *
 * <h2>Hostile clients</h2>
 * Requests whose body length is ambiguous (RFC 9112 §6.3: {@code Content-Length} with
 * {@code Transfer-Encoding}, a coding other than {@code chunked}, conflicting lengths) are answered
 * {@code 400} and their connection closed; over-long request lines and headers are {@code 414} and
 * {@code 431}, a path with a bad percent-escape {@code 400}. Heads that trickle in, bodies that never
 * end, idle connections and connections beyond a limit are closed; see {@link HttpSettings}.
 *
 * <h2>When the server runs</h2>
 * It starts when the app has an HTTP route or {@code ASYNCWORKER_METRICS_ENABLED} is true (the
 * default), before every other backend; it then serves {@code ASYNCWORKER_METRICS_PATH}
 * ({@code /metrics}, when enabled) and {@code ASYNCWORKER_HEALTH_PATH} ({@code /health} with
 * {@code /health/live} and {@code /health/ready}, always).
 * Port {@code 0} picks a free port; {@link io.asyncworker.http.HttpAddress#of} tells which. On
 * stop it first stops accepting connections, then waits for requests in flight within
 * {@code ASYNCWORKER_SHUTDOWN_TIMEOUT}; handlers still running after that are interrupted.
 *
 * <h2>Metrics and health</h2>
 * At start the backend adds a {@code PrometheusMeterRegistry} to {@code app.meters()} (removed at
 * close), so the scrape shows every meter of the app; values recorded before that (for example
 * in startup hooks) are not carried over. Each request is timed by
 * {@code asyncworker.http.server.requests{method, route, status}} where {@code route} is the
 * matched path template, {@code NOT_FOUND}, or {@code INVALID} for requests rejected before routing.
 * Unless {@code ASYNCWORKER_METRICS_JVM} is false the scrape also carries Micrometer's JVM and
 * process meters. The health route answers {@code 200} with
 * {@code {"status":"UP","running":true,"components":[{"kind","name","state","detail"}...]}} when the
 * app runs and every component is up, else {@code 503} with {@code "status":"DOWN"} and a
 * {@code "reasons"} list. Below it, {@code /health/ready} answers the same question as a probe
 * ({@code {"status":"UP"}} or {@code 503} with the reasons) and {@code /health/live} answers
 * {@code 503} only when the app's timer or an event loop has not run a heartbeat for 10 seconds.
 */
package io.asyncworker.http;
