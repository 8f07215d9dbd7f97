package org.mvoting.web.admin.polls;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.ResultsNotVisibleException;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.samples.WeightedCategory;
import org.mvoting.api.samples.WeightedOption;
import org.mvoting.api.samples.WeightedQuestion;
import org.mvoting.api.samples.WeightedResults;
import org.mvoting.api.samples.WeightedResultsView;
import org.mvoting.api.samples.WeightedStratum;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.view.ChartJson;
import org.mvoting.web.reports.WeightedReport;

/**
 * The weighted-results card of a PANEL_SAMPLE poll's page: per question a chart of the weighted shares and a table
 * with raw share, weighted share and ± margin of error, n / n_eff / deff, the strata ("<5" when suppressed), the
 * weighted shares per category of each dimension (issue 17 part 5, "<5" likewise), and the method and census as the downloads write them. A sample that cannot be weighted shows why (the problem's text).
 */
@Named
@ViewScoped
public class WeightedResultsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private WeightedResults weighted;

    @EJB
    private PollAdministration administration;

    private String id;
    private boolean shown;
    private String refusal;
    private String census;
    private boolean illustrative;
    private final List<Line> method = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();

    public void load() {
        UUID pollId;
        try {
            pollId = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException notAnId) {
            return;
        }
        PollRecord record = administration.record(pollId);
        if (record.audience() != AudienceType.PANEL_SAMPLE
                || !(record.status() == PollStatus.OPEN || record.status() == PollStatus.CLOSED)) {
            return;
        }
        Locale locale = PortalText.current();
        method.clear();
        questions.clear();
        try {
            WeightedResultsView view = weighted.staffResults(pollId);
            fill(view, locale);
            shown = true;
        } catch (ResultsNotVisibleException notYet) {
            shown = false; // the strata and their weights wait for the close (or live results)
        } catch (BusinessException refused) {
            shown = true;
            refusal = PortalText.problemTitle(locale, refused.code(), refused.arguments()) + ": "
                    + PortalText.problemDetail(locale, refused.code(), refused.arguments());
        }
    }

    private void fill(WeightedResultsView view, Locale locale) {
        census = view.census().title() + " (v" + view.census().version() + ", " + view.census().source() + ")";
        illustrative = view.census().illustrative();
        WeightedReport.method(view, locale).forEach(line -> method.add(new Line(line[0], line[1])));
        String series = PortalText.text(locale, "weighted.share");
        for (WeightedQuestion q : view.questions()) {
            List<Option> options = new ArrayList<>();
            for (WeightedOption o : q.options()) {
                options.add(new Option(o.label(), o.rawCount(), percent(o.rawShare(), 1), percent(o.weightedShare(), 1),
                        percent(o.marginOfError(), 1)));
            }
            List<StratumRow> strata = new ArrayList<>();
            for (WeightedStratum s : q.strata()) {
                // the census's codes, as the strata report and the downloads name them
                String name = s.district() + " / " + s.gender() + " / " + s.ageBand();
                String hidden = "SHOWN".equals(s.visibility()) ? null : "SUPPRESSED_SMALL".equals(s.visibility())
                        ? PortalText.text(locale, "weighted.small", view.method().suppressionThreshold())
                        : PortalText.text(locale, "weighted.hidden");
                strata.add(new StratumRow(name, hidden == null ? String.valueOf(s.ballots()) : hidden,
                        hidden == null ? scale(s.weight(), 3) : hidden));
            }
            List<CategoryRow> categories = new ArrayList<>();
            for (WeightedCategory c : q.categories()) {
                categories.add(category(c, q.options(), view.method().suppressionThreshold(), locale));
            }
            questions.add(new Question(q.position(), q.text(), q.ballots(), scale(q.effectiveSampleSize(), 1),
                    scale(q.designEffect(), 2), ChartJson.of("bar", series, options.stream().map(Option::getLabel).toList(),
                    options.stream().map(o -> new BigDecimal(o.getWeighted())).toList()), options, strata, categories));
        }
    }

    /** A category's ballots and per-option weighted shares (percent, one decimal), or "<5" / hidden in each. */
    private static CategoryRow category(WeightedCategory c, List<WeightedOption> options, int threshold, Locale locale) {
        String hidden = "SHOWN".equals(c.visibility()) ? null : "SUPPRESSED_SMALL".equals(c.visibility())
                ? PortalText.text(locale, "weighted.small", threshold) : PortalText.text(locale, "weighted.hidden");
        List<String> shares = new ArrayList<>();
        for (WeightedOption o : options) {
            Double share = hidden == null ? c.weightedShares().get(o.optionId()) : null;
            shares.add(hidden != null ? hidden : percent(share == null ? 0 : share, 1) + "%");
        }
        return new CategoryRow(c.dimension(), c.category(), hidden == null ? String.valueOf(c.ballots()) : hidden, shares);
    }

    private static String percent(double fraction, int decimals) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String scale(double value, int decimals) {
        return new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isShown() {
        return shown;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getCensus() {
        return census;
    }

    public boolean isIllustrative() {
        return illustrative;
    }

    public List<Line> getMethod() {
        return method;
    }

    public List<Question> getQuestions() {
        return questions;
    }

    /** One line of the method. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String label;
        private final String value;

        Line(String label, String value) {
            this.label = label;
            this.value = value;
        }

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }
    }

    /** One question's card. */
    public static final class Question implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int position;
        private final String text;
        private final long ballots;
        private final String effectiveSampleSize;
        private final String designEffect;
        private final String chartJson;
        private final List<Option> options;
        private final List<StratumRow> strata;
        private final List<CategoryRow> categories;

        Question(int position, String text, long ballots, String effectiveSampleSize, String designEffect,
                 String chartJson, List<Option> options, List<StratumRow> strata, List<CategoryRow> categories) {
            this.position = position;
            this.text = text;
            this.ballots = ballots;
            this.effectiveSampleSize = effectiveSampleSize;
            this.designEffect = designEffect;
            this.chartJson = chartJson;
            this.options = List.copyOf(options);
            this.strata = List.copyOf(strata);
            this.categories = List.copyOf(categories);
        }

        public int getPosition() {
            return position;
        }

        public String getText() {
            return text;
        }

        public long getBallots() {
            return ballots;
        }

        public String getEffectiveSampleSize() {
            return effectiveSampleSize;
        }

        public String getDesignEffect() {
            return designEffect;
        }

        public String getChartJson() {
            return chartJson;
        }

        public int getChartHeight() {
            return 60 + 36 * options.size();
        }

        public List<Option> getOptions() {
            return options;
        }

        public List<StratumRow> getStrata() {
            return strata;
        }

        public List<CategoryRow> getCategories() {
            return categories;
        }
    }

    /** One option: percent with one decimal, margin in points. */
    public static final class Option implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String label;
        private final long votes;
        private final String raw;
        private final String weighted;
        private final String margin;

        Option(String label, long votes, String raw, String weighted, String margin) {
            this.label = label;
            this.votes = votes;
            this.raw = raw;
            this.weighted = weighted;
            this.margin = margin;
        }

        public String getLabel() {
            return label;
        }

        public long getVotes() {
            return votes;
        }

        public String getRaw() {
            return raw;
        }

        public String getWeighted() {
            return weighted;
        }

        public String getMargin() {
            return margin;
        }
    }

    /** One stratum: ballots and weight, or the "<5" / hidden text in both. */
    public static final class StratumRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String ballots;
        private final String weight;

        StratumRow(String name, String ballots, String weight) {
            this.name = name;
            this.ballots = ballots;
            this.weight = weight;
        }

        public String getName() {
            return name;
        }

        public String getBallots() {
            return ballots;
        }

        public String getWeight() {
            return weight;
        }
    }

    /** One category of one dimension: ballots and the weighted share of each option, or "<5" / hidden in each. */
    public static final class CategoryRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String dimension;
        private final String category;
        private final String ballots;
        private final List<String> shares;

        CategoryRow(String dimension, String category, String ballots, List<String> shares) {
            this.dimension = dimension;
            this.category = category;
            this.ballots = ballots;
            this.shares = List.copyOf(shares);
        }

        public String getDimension() {
            return dimension;
        }

        public String getCategory() {
            return category;
        }

        public String getBallots() {
            return ballots;
        }

        public List<String> getShares() {
            return shares;
        }
    }
}
