package org.mvoting.web.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.api.DeploymentInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The handler in front of Undertow's servlet layer, on a real Undertow whose listener has no body limit (as configured). */
class OversizedBodyRefusalTest {

    private static String answer(int port, String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyAnnouncedBeyondWhatIsDrainedOrAnUploadBeyondItsLimitIsA413HereAndOthersGoOn() throws Exception {
        DeploymentInfo deployment = new DeploymentInfo();
        new OversizedBodyRefusal().handleDeployment(deployment, null);
        HttpHandler next = exchange -> {
            exchange.setPersistent(false);
            exchange.setStatusCode(299);
            exchange.endExchange();
        };
        HttpHandler handler = deployment.getInitialHandlerChainWrappers().get(0).wrap(next);
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 0L).build();
        server.start();
        try {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            String refused = answer(port, "POST /api/v1/polls/x/ballots HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{\"answers\":[");
            assertTrue(refused.startsWith("HTTP/1.1 413"), refused);
            assertTrue(refused.contains("application/problem+json") && refused.contains("\"code\":\"payload-too-large\"")
                    && refused.contains("\"instance\":\"/api/v1/polls/x/ballots\""), refused);
            String page = answer(port, "POST /admin/polls/view.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 2000000\r\n\r\n--x");
            assertTrue(page.startsWith("HTTP/1.1 413") && page.contains("text/html") && page.contains("Request too large"), page);
            String small = answer(port, "POST /api/v1/polls/x/ballots HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            assertEquals("HTTP/1.1 299", small.substring(0, 12), small);
            // over the API's limit but within what is drained: left to the servlet filter, which answers 413 itself
            String filtered = answer(port, "POST /api/v1/polls/x/ballots HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2097152\r\n\r\n{}");
            assertEquals("HTTP/1.1 299", filtered.substring(0, 12), filtered);
        } finally {
            server.stop();
        }
    }
}
