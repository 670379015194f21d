package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Address;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeRotationTest {
    private static final List<BrokerNode> NODES = List.of(new BrokerNode("h1", 5672), new BrokerNode("h2", 5673),
            new BrokerNode("h3", 5674));

    @Test
    void eachAttemptTriesEveryNodeStartingOneFurther() {
        NodeRotation r = new NodeRotation(NODES, new Random(7));
        List<BrokerNode> first = r.nextAttempt();
        List<BrokerNode> second = r.nextAttempt();
        List<BrokerNode> third = r.nextAttempt();
        assertThat(first).containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(second).containsExactly(first.get(1), first.get(2), first.get(0));
        assertThat(third).containsExactly(first.get(2), first.get(0), first.get(1));
        assertThat(r.nextAttempt()).isEqualTo(first);
    }

    @Test
    void theOrderIsShuffledPerRotation() {
        Set<BrokerNode> firstNodes = new HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            firstNodes.add(new NodeRotation(NODES, new Random(seed)).nextAttempt().getFirst());
        }
        assertThat(firstNodes).as("a fleet spreads over the cluster").containsExactlyInAnyOrderElementsOf(NODES);
    }

    @Test
    void theFactoryConnectsThroughTheRotationUnlessGivenAddresses() {
        NodeRotation r = new NodeRotation(NODES, new Random(1));
        NodeListConnectionFactory f = new NodeListConnectionFactory(r);
        BrokerNode firstConfigured = r.nodes().getFirst();
        assertThat(f.getHost()).isEqualTo(firstConfigured.host());
        List<Address> viaRotation = resolve(f, List.of(new Address(f.getHost(), f.getPort())));
        assertThat(viaRotation).hasSize(3);
        assertThat(f.lastAttempt()).hasSize(3);
        assertThat(NodeListConnectionFactory.lastTried(f)).isEqualTo(f.lastAttempt().getLast().toString());
        assertThat(resolve(f, List.of(new Address("10.9.9.9", 1)))).extracting(Address::getHost).containsExactly("10.9.9.9");
        f.setHost("10.9.9.8");
        assertThat(resolve(f, List.of(new Address("10.9.9.8", f.getPort())))).extracting(Address::getHost)
                .containsExactly("10.9.9.8");
    }

    private static List<Address> resolve(NodeListConnectionFactory f, List<Address> given) {
        try {
            return f.createAddressResolver(given).getAddresses();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
