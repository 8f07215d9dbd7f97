package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mvoting.api.errors.InvalidMileageMonthException;
import org.mvoting.api.mileage.Mileage;
import org.mvoting.api.mileage.MileageEntryView;
import org.mvoting.api.mileage.MileageOverview;
import org.mvoting.api.mileage.MonthlyPayout;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * The mileage ledger for auditors and the finance office: a month per poll and in total (AUDITOR, FINANCE, ADMIN), one
 * poll's awards and reversals, and the month's payout per payee code (FINANCE, AUDITOR; the CSV and Excel files are
 * {@code /admin/download/mileage/{month}.csv|xlsx}). Months are {@code YYYY-MM} in the city's time zone.
 */
@Path("/admin/mileage")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminMileageResource {

    @EJB
    private Mileage mileage;

    /** The month asked for, or this month on the city's clock. */
    @GET
    public MileageOverview overview(@QueryParam("month") String month) {
        return mileage.overview(month == null || month.isBlank()
                ? YearMonth.from(LocalDate.now(CitySettings.timeZone())) : month(month));
    }

    @GET
    @Path("polls/{pollId}")
    public List<MileageEntryView> poll(@PathParam("pollId") String pollId) {
        return mileage.pollEntries(PathIds.poll(pollId));
    }

    @GET
    @Path("payouts/{month}")
    public MonthlyPayout payout(@PathParam("month") String month) {
        return mileage.payout(month(month));
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidMileageMonthException(text);
        }
    }
}
