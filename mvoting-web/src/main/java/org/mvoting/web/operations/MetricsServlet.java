package org.mvoting.web.operations;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.mvoting.api.operations.NodeMetrics;
import org.mvoting.api.settings.CitySettings;

/**
 * The node's metrics in Prometheus's text format, for the city's monitoring only: without MVOTING_METRICS_TOKEN
 * set it does not exist (404), and a scrape must carry that token as a bearer credential (401 otherwise, with
 * nothing else said). Served by the application on its HTTP port rather than through WildFly 39's micrometer
 * subsystem: its Prometheus registry is a "community"-stability feature (refused by servers held to the default
 * level), is not in standalone-full.xml and serves on the management port. WildFly's server metrics stay where they
 * are, on the management port's /metrics.
 */
@WebServlet(urlPatterns = MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());
    public static final String PATH = "/metrics";

    @EJB
    private NodeMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token;
        try {
            token = CitySettings.metricsToken();
        } catch (IllegalStateException e) {
            // a system property set too short after deployment: metrics stay off until it is fixed
            LOG.warning(e::getMessage);
            token = Optional.empty();
        }
        switch (MetricsAccess.decide(token, request.getHeader("Authorization"))) {
            case OFF -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            case REFUSED -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"mVoting metrics\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            case ALLOWED -> {
                byte[] body = PrometheusText.write(metrics.scrape()).getBytes(StandardCharsets.UTF_8);
                response.setHeader("Cache-Control", "no-store");
                response.setContentType(PrometheusText.CONTENT_TYPE);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }
    }
}
