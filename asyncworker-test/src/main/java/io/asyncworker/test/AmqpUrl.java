package io.asyncworker.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} test parameter or field that {@link RabbitMqExtension} fills with the broker
 * URL into the test class's vhost ({@link TestVhost#url()}).
 *
 * <pre>{@code
 * @RabbitMqTest
 * class PublisherIT {
 *     @AmqpUrl String url;
 *
 *     @Test
 *     void connects(@AmqpUrl String sameUrl) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface AmqpUrl {
}
