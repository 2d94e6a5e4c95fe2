package dev.servinglab.web.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link Call} over a plain socket, one connection per request, and reads the answer. A plain socket
 * because {@code java.net.http} and REST Assured refuse, or repair, exactly the requests a fuzzer wants to send.
 * An event stream's body is not read: its headers are the answer.
 */
final class RawHttp {

    /** How long an answer may take before the try fails: far more than any endpoint needs. */
    private static final int TIMEOUT_MS = 20_000;

    /** The most of a body that is kept; error bodies are small, pages are not read to the end. */
    private static final int MAX_BODY = 1 << 20;

    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** Sends the call and returns the answer; fails the try when the app does not answer in time. */
    Answer send(Call call) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(call.method()).append(' ').append(call.target()).append(" HTTP/1.1\r\n");
            head.append("Host: ")
                    .append(base.getHost())
                    .append(':')
                    .append(base.getPort())
                    .append("\r\n");
            head.append("Connection: close\r\n");
            call.headers()
                    .forEach((name, value) ->
                            head.append(name).append(": ").append(value).append("\r\n"));
            if (call.body() != null) {
                head.append("Content-Length: ").append(call.body().length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (call.body() != null) {
                out.write(call.body());
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT_MS + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to the app at " + base, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new AssertionError("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(
                        header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
        }
        if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            return new Answer(status, headers, "");
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes((int) Math.min(MAX_BODY, Long.parseLong(headers.get("content-length"))));
        } else {
            body = in.readNBytes(MAX_BODY);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < MAX_BODY) {
            String size = line(in);
            int extension = size.indexOf(';');
            int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                break;
            }
            body.write(in.readNBytes(length));
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
