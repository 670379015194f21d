package io.asyncworker.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP proxy on loopback in front of the broker that can hold new connections before they reach
 * it (their AMQP handshake waits) and drop every connection, to put a client into the middle of a
 * reconnect at a moment the test chooses.
 */
final class HoldingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private volatile boolean holding;

    private HoldingProxy(int target) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread.ofVirtual().name("holding-proxy").start(this::accept);
    }

    static HoldingProxy to(int brokerPort) throws IOException {
        return new HoldingProxy(brokerPort);
    }

    int port() {
        return server.getLocalPort();
    }

    /** New connections wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
        holding = true;
    }

    /** Lets held and later connections through. */
    void release() {
        holding = false;
        gate.countDown();
    }

    /** Waits until a connection arrived while holding. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return firstHeld.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Drops every connection it carries, as a network failure would. */
    void dropAll() {
        sockets.forEach(HoldingProxy::closeQuietly);
        sockets.clear();
    }

    /** How many client connections are open through it. */
    long openClients() {
        return sockets.stream().filter(s -> !s.isClosed()).count() / 2;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> pipe(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket client) {
        try {
            if (holding) {
                firstHeld.countDown();
                gate.await();
            }
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
            sockets.add(client);
            sockets.add(broker);
            Thread.ofVirtual().start(() -> copy(client, broker));
            copy(broker, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
        dropAll();
    }
}
