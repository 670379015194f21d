package io.asyncworker.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with {@link RabbitMqExtension}: a fresh vhost on a real RabbitMQ for the class,
 * and a ready {@link io.asyncworker.App}, the {@link TestVhost} or the {@link AmqpUrl} injected into
 * test parameters and fields.
 *
 * <pre>{@code
 * @RabbitMqTest
 * class OrdersIT {
 *     @Test
 *     void consumes(App app, TestVhost vhost) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RabbitMqExtension.class)
public @interface RabbitMqTest {
}
