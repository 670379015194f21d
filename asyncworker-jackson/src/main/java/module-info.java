/**
 * The JSON {@link io.asyncworker.BodyCodec} of the RabbitMQ, SSE and HTTP backends, on Jackson.
 *
 * <p>A worker module whose classes Jackson reads or writes opens their package to
 * {@code com.fasterxml.jackson.databind}, e.g. {@code opens com.acme.items to com.fasterxml.jackson.databind;}.
 */
module io.asyncworker.jackson {
    requires transitive io.asyncworker.core;
    // JacksonCodec.using(ObjectMapper) and mapper() show Jackson's ObjectMapper.
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports io.asyncworker.jackson;
}
