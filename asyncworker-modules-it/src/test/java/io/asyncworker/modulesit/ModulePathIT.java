package io.asyncworker.modulesit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker module on the module path made of the built jars: it finds every backend through the
 * modules' {@code provides}, serves HTTP, runs a schedule and is run by the command line; the
 * HTTP backend says which flag it needs when it is missing.
 */
class ModulePathIT {
    private static final Map<String, String> ENV = Map.of("ASYNCWORKER_HTTP_HOST", "127.0.0.1",
            "ASYNCWORKER_HTTP_PORT", "0", "ASYNCWORKER_SHUTDOWN_TIMEOUT", "5");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path classes;

    private static ModulePath path;
    private static Path worker;

    @BeforeAll
    static void compileTheWorkerModule() throws Exception {
        path = ModulePath.published();
        worker = classes.resolve("worker.ok");
        ModulePath.Compilation compiled = path.compile(resource("worker.ok"), worker);
        assertThat(compiled.succeeded()).as(compiled.errors()).isTrue();
    }

    @Test
    void aWorkerModuleServesHttpAndRunsItsScheduleWithTheBackendsFoundThroughProvides() throws Exception {
        try (Child child = path.launch(ENV, List.of(worker), "--add-exports", ModulePath.VERTX_EXPORT,
                "-m", "worker.ok/worker.ok.Worker")) {
            URI base = URI.create(child.awaitLine("READY "));
            assertThat(child.output()).as("each backend's marker file matches a backend found through provides")
                    .doesNotContain("not registered in META-INF/services");

            assertThat(child.awaitLine("MODULES ").split(" ")).as("resolved, the backends by service binding")
                    .contains("io.asyncworker.core", "io.asyncworker.jackson", "io.asyncworker.logback",
                            "io.asyncworker.http", "io.asyncworker.scheduler", "io.asyncworker.rabbitmq",
                            "io.asyncworker.sse", "worker.ok");
            assertThat(get(base.resolve("/hello/modules"))).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("hello modules");
            });
            assertThat(post(base.resolve("/items"), "{\"id\":7,\"name\":\"seven\"}")).satisfies(r -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"id\":7,\"name\":\"seven\"}");
            });
            assertThat(get(base.resolve("/metrics")).body()).as("JVM and process meters")
                    .contains("jvm_memory_used_bytes", "jvm_gc_", "process_cpu_usage", "process_files_open_files");

            assertThat(child.closeInputAndWait()).as(child.output()).isZero();
        }
    }

    @Test
    void theHttpBackendNamesTheFlagItNeedsWhenVertxHidesItsDecoder() throws Exception {
        try (Child child = path.launch(ENV, List.of(worker), "-m", "worker.ok/worker.ok.Worker")) {
            assertThat(child.exitCode()).isNotZero();
            assertThat(child.output()).contains("start the JVM with --add-exports " + ModulePath.VERTX_EXPORT)
                    .doesNotContain("READY");
        }
    }

    @Test
    void theCommandLineDescribesAWorkerModuleAndSeesEveryBackendsSettings() throws Exception {
        try (Child child = path.launch(ENV, List.of(worker), "--add-modules", "worker.ok",
                "-m", "io.asyncworker.cli/io.asyncworker.cli.AsyncWorkerCli", "routes", "worker.ok.Worker")) {
            assertThat(child.exitCode()).as(child.output()).isZero();
            assertThat(child.output()).contains("worker.ok.Worker: 3 routes", "GET /hello/{name}", "[SCHEDULE]",
                    "ASYNCWORKER_AMQP_PREFETCH", "ASYNCWORKER_HTTP_PORT");
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ModulePathIT.class.getResource("/" + name + "/module-info.java").toURI()).getParent();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
