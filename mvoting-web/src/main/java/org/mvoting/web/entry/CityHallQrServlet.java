package org.mvoting.web.entry;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mvoting.api.polls.FeaturedPolls;

/**
 * The fixed city-hall QR code points here (/q/city-hall) for years: it opens the poll the city features now in
 * the citizen mobile web, or the general-voter sign-up when nothing is featured. Both are marked
 * {@code ?from=city-hall}, and both then offer joining the citizen panel (패널 가입), which leads to the consent screen.
 */
@WebServlet(urlPatterns = CityHallQrServlet.PATH)
public class CityHallQrServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String PATH = "/q/city-hall";
    /** The mark the mobile web reads on the route a phone lands on from here. */
    static final String FROM_HERE = "from=city-hall";

    @EJB
    private FeaturedPolls featured;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = featured.featured().map(id -> "/m/#/polls/" + id).orElse("/m/#/login") + "?" + FROM_HERE;
        response.setHeader("Cache-Control", "no-store"); // the featured poll changes; the printed code does not
        response.sendRedirect(request.getContextPath() + target);
    }
}
