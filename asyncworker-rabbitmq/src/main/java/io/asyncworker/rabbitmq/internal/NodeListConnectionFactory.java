package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.AddressResolver;
import com.rabbitmq.client.Connection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * An amqp-client factory that connects through a node list: every {@code newConnection} that is
 * not given addresses of its own tries the nodes of a {@link NodeRotation}, one after the other,
 * starting where the rotation says (amqp-client's own list resolver would shuffle each time).
 * Explicit address lists and a host or port changed on the factory are honoured as amqp-client does.
 *
 * <p>Like its superclass, configure it on one thread, then use it from any.
 */
public final class NodeListConnectionFactory extends com.rabbitmq.client.ConnectionFactory {
    private final NodeRotation rotation;
    private volatile List<BrokerNode> lastAttempt = List.of();

    /** A factory whose host and port are the first node's, connecting through the rotation. */
    public NodeListConnectionFactory(NodeRotation rotation) {
        this.rotation = rotation;
        BrokerNode first = rotation.nodes().getFirst();
        setHost(first.host());
        setPort(first.port());
    }

    @Override
    protected AddressResolver createAddressResolver(List<Address> addresses) {
        if (addresses.size() != 1 || !isDefault(addresses.getFirst())) {
            return super.createAddressResolver(addresses);
        }
        List<BrokerNode> nodes = rotation.nextAttempt();
        lastAttempt = nodes;
        List<Address> attempt = nodes.stream().map(BrokerNode::toAddress).toList();
        return new AddressResolver() {
            @Override
            public List<Address> getAddresses() {
                return attempt;
            }

            @Override
            public List<Address> maybeShuffle(List<Address> input) {
                return input;
            }
        };
    }

    /** The nodes the last {@code newConnection} tried, in order; the last one failed last when it failed. */
    public List<BrokerNode> lastAttempt() {
        return lastAttempt;
    }

    private boolean isDefault(Address a) {
        BrokerNode first = rotation.nodes().getFirst();
        return a.getHost().equals(first.host()) && portOf(a) == first.port()
                && getHost().equals(first.host()) && getPort() == first.port();
    }

    private int portOf(Address a) {
        return a.getPort() == -1 ? getPort() : a.getPort();
    }

    /** The node a failed {@code newConnection} of this factory tried last, or {@code null}. */
    public static String lastTried(com.rabbitmq.client.ConnectionFactory factory) {
        if (factory instanceof NodeListConnectionFactory f && !f.lastAttempt.isEmpty()) {
            return f.lastAttempt.getLast().toString();
        }
        return null;
    }

    /**
     * The node a live connection is on, as configured ({@code host:port}) when one of the nodes
     * matches its peer, else the peer's IP and port.
     */
    public static String nodeOf(Connection connection, List<String> addresses) {
        InetAddress peer = connection.getAddress();
        for (String address : addresses) {
            BrokerNode n = BrokerNode.parse(address, connection.getPort());
            if (n.port() == connection.getPort() && resolvesTo(n.host(), peer)) {
                return n.toString();
            }
        }
        return new BrokerNode(peer.getHostAddress(), connection.getPort()).toString();
    }

    private static boolean resolvesTo(String host, InetAddress peer) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a.equals(peer)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
