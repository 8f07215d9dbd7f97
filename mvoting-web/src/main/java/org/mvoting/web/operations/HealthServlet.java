package org.mvoting.web.operations;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.operations.HealthReport;
import org.mvoting.api.operations.HealthReport.Check;
import org.mvoting.api.operations.NodeHealth;

/**
 * Liveness and readiness on the application's own HTTP port, for the balancer ({@code option httpchk GET
 * /health/ready}): WildFly's health endpoints live on the management port, which a balancer in front of the public
 * port should not need to reach, and they cannot see mVoting's database, directory and queues. No credentials; 200
 * when UP, 503 when DOWN; the body in MicroProfile Health's shape, with check names and reason words only.
 */
@WebServlet(urlPatterns = HealthServlet.PATH + "/*")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());
    public static final String PATH = "/health";

    @EJB
    private NodeHealth health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo();
        HealthReport report;
        try {
            if ("/live".equals(which)) {
                report = health.live();
            } else if ("/ready".equals(which)) {
                report = health.ready();
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (RuntimeException e) {
            // the deployment itself is failing: say DOWN, never how
            LOG.log(Level.WARNING, "Health check " + which + " failed", e);
            report = new HealthReport(List.of(Check.down("deployment", true, Check.UNREACHABLE)));
        }
        byte[] body = json(report).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** {"status":"UP","checks":[{"name":"database","status":"UP"},{"name":...,"status":"DOWN","data":{...}}]} */
    static JsonObject json(HealthReport report) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (Check check : report.checks()) {
            JsonObjectBuilder c = Json.createObjectBuilder().add("name", check.name()).add("status", status(check.up()));
            if (check.reason() != null || !check.required()) {
                JsonObjectBuilder data = Json.createObjectBuilder();
                if (check.reason() != null) {
                    data.add("reason", check.reason());
                }
                data.add("required", check.required());
                c.add("data", data);
            }
            checks.add(c);
        }
        return Json.createObjectBuilder().add("status", status(report.up())).add("checks", checks).build();
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
