package io.asyncworker.cli.internal;

/** Picks the command line's logback configuration when the worker brings none. */
final class Logging {
    static final String CONFIG_PROPERTY = "logback.configurationFile";
    static final String CLI_CONFIG = "io/asyncworker/cli/logback-cli.xml";

    private Logging() {
    }

    /** Call before the first log line: logback reads its configuration once. */
    static void configure() {
        ClassLoader loader = Logging.class.getClassLoader();
        if (System.getProperty(CONFIG_PROPERTY) == null && loader.getResource("logback.xml") == null
                && loader.getResource("logback-test.xml") == null) {
            System.setProperty(CONFIG_PROPERTY, CLI_CONFIG);
        }
    }
}
