package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TopologyTest {

    /** Regression: a refused reconnect was logged as a bare "java.io.IOException". */
    @Test
    void reasonLooksThroughMessagelessWrappersToTheCause() {
        IOException refused = new IOException(null, new IllegalStateException("vhost x not found"));
        assertThat(Topology.reason(refused)).isEqualTo("IllegalStateException: vhost x not found");
    }

    @Test
    void reasonWithoutAnyMessageNamesTheExceptionType() {
        assertThat(Topology.reason(new TimeoutException())).isEqualTo("java.util.concurrent.TimeoutException");
    }
}
