package io.asyncworker.devbroker.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Asks what answers on a host and port: sends the AMQP 0-9-1 protocol header and reads the
 * broker's {@code connection.start}, whose server properties name the product. Logs in to nothing.
 */
final class AmqpProbe {
    private static final byte[] HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    private static final int FRAME_METHOD = 1;
    private static final int MAX_FRAME = 1 << 20;

    /** What the probe found. */
    enum Kind { RABBITMQ, NOT_RABBITMQ, NOTHING }

    /** The probe's result; {@code detail} names the product or why nothing answered. */
    record Answer(Kind kind, String detail) {
    }

    private AmqpProbe() {
    }

    static Answer probe(String host, int port, Duration timeout) {
        int millis = (int) timeout.toMillis();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), millis);
            } catch (UnknownHostException e) {
                return new Answer(Kind.NOTHING, "unknown host");
            } catch (IOException e) {
                return new Answer(Kind.NOTHING, String.valueOf(e.getMessage()));
            }
            socket.setSoTimeout(millis);
            socket.getOutputStream().write(HEADER);
            socket.getOutputStream().flush();
            return greeting(new DataInputStream(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return new Answer(Kind.NOT_RABBITMQ, "no AMQP greeting within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Answer(Kind.NOT_RABBITMQ, "the AMQP handshake failed: " + e.getMessage());
        }
    }

    private static Answer greeting(DataInputStream in) throws IOException {
        int type = in.read();
        if (type != FRAME_METHOD) {
            return new Answer(Kind.NOT_RABBITMQ, type == -1 ? "it closed the connection without an AMQP greeting"
                    : "it does not speak AMQP 0-9-1");
        }
        in.readUnsignedShort();
        int size = in.readInt();
        if (size <= 0 || size > MAX_FRAME) {
            return new Answer(Kind.NOT_RABBITMQ, "it sent a malformed AMQP frame");
        }
        DataInputStream payload = new DataInputStream(new ByteArrayInputStream(in.readNBytes(size)));
        if (payload.readUnsignedShort() != 10 || payload.readUnsignedShort() != 10) {
            return new Answer(Kind.NOT_RABBITMQ, "it did not start an AMQP connection");
        }
        payload.skipNBytes(2);
        Map<String, String> props = serverProperties(payload);
        String product = props.getOrDefault("product", "an unnamed AMQP broker");
        String name = (product + " " + props.getOrDefault("version", "")).trim();
        return new Answer(product.contains("RabbitMQ") ? Kind.RABBITMQ : Kind.NOT_RABBITMQ, name);
    }

    /** The long-string entries of an AMQP field table; stops at a field type it does not know. */
    private static Map<String, String> serverProperties(DataInputStream in) throws IOException {
        DataInputStream table = new DataInputStream(new ByteArrayInputStream(in.readNBytes(in.readInt())));
        Map<String, String> out = new HashMap<>();
        while (table.available() > 0) {
            String name = new String(table.readNBytes(table.readUnsignedByte()), StandardCharsets.UTF_8);
            int type = table.readUnsignedByte();
            if (type == 'S') {
                out.put(name, new String(table.readNBytes(table.readInt()), StandardCharsets.UTF_8));
            } else if (!skip(table, type)) {
                break;
            }
        }
        return out;
    }

    private static boolean skip(InputStream in, int type) throws IOException {
        int length = switch (type) {
            case 't', 'b', 'B' -> 1;
            case 's', 'u' -> 2;
            case 'I', 'i', 'f' -> 4;
            case 'D' -> 5;
            case 'l', 'L', 'd', 'T' -> 8;
            case 'F', 'A', 'x' -> new DataInputStream(in).readInt();
            case 'V' -> 0;
            default -> -1;
        };
        if (length < 0) {
            return false;
        }
        in.skipNBytes(length);
        return true;
    }
}
