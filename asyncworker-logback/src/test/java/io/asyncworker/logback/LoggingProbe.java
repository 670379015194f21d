package io.asyncworker.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line per level for three loggers; {@link DefaultsInAFreshJvmTest} runs it in a fresh JVM. */
final class LoggingProbe {

    private LoggingProbe() {
    }

    public static void main(String[] args) {
        Logger framework = LoggerFactory.getLogger("io.asyncworker.probe");
        Logger netty = LoggerFactory.getLogger("io.netty.probe");
        Logger app = LoggerFactory.getLogger("com.acme.probe");
        framework.debug("framework debug");
        framework.info("framework info");
        netty.debug("netty debug", new IllegalStateException("a stack trace nobody asked for"));
        netty.warn("netty warn");
        app.debug("app debug");
        app.info("app info");
        org.slf4j.MDC.put("route", "orders");
        app.info("in a handler");
        org.slf4j.MDC.clear();
    }
}
