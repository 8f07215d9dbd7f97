package org.mvoting.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.mvoting.api.ballots.AnswerMark;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.polls.PollClosing;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * With MVOTING_DEMO=true (the run command sets it), seeds a small demo once: a department, two open polls
 * and one closed poll with ballots cast through the real ballot engine, and an illustrative census table. Then it prints where to look.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    static final String DEPARTMENT = "DEPT-COMM";
    private static final String DEPARTMENT_NAME = "시민소통과";
    private static final Actor SEEDER = new Actor("system:demo", "startup");

    @EJB
    private DemoPolls demoPolls;

    @EJB
    private DemoCensus demoCensus;

    @EJB
    private PollClosing closing;

    @EJB
    private BallotBox ballotBox;

    @Inject
    private PollRepository polls;

    @Inject
    private ServerSecrets secrets;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!CitySettings.demo()) {
            return;
        }
        if (polls.department(DEPARTMENT).isEmpty()) {
            seedPolls();
        }
        demoCensus.seedOnce(SEEDER);
        int port = Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        String base = "http://localhost:" + port;
        LOG.info(() -> String.join(System.lineSeparator(), "",
                "==================== mVoting 데모 준비 완료 / demo ready ====================",
                "  시작 페이지 / start page : " + base + "/",
                "  진행 중 투표 / open polls : " + base + "/api/v1/polls",
                "  OpenAPI                 : " + base + "/api/v1/openapi.yaml",
                "  직원 포털 / staff portal : " + base + "/admin/  (예 / e.g. it.operator, it.head : mvoting-demo)",
                "============================================================================="));
    }

    private void seedPolls() {
        Instant now = Instant.now();

        PollView carFree = demoPolls.open(new PollDraft(DEPARTMENT, PollKind.CITY_TO_CITIZEN,
                "서울광장 주말 차 없는 거리, 확대할까요?", "주말 차 없는 거리를 세종대로 전 구간으로 넓히는 안에 대한 의견을 묻습니다.",
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(14)), AudienceType.OPEN,
                AssuranceLevel.SMS_VERIFIED, ResultsVisibility.LIVE, List.of(
                new QuestionDraft(QuestionType.YES_NO, "차 없는 거리를 확대하는 데 찬성하십니까?", null, null, null, null),
                new QuestionDraft(QuestionType.SCALE, "현재 차 없는 거리 운영에 얼마나 만족하십니까?", null, null, null, 5)),
                PollDraft.POLICY_MILEAGE_WON), DEPARTMENT_NAME); // a policy poll: signed-in citizens earn mileage

        PollView budget = demoPolls.open(new PollDraft(DEPARTMENT, PollKind.CITY_TO_CITIZEN,
                "2027 주민참여예산, 어디에 먼저 쓸까요?", "최대 두 분야를 고르고, 우선순위를 매겨 주세요.",
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(30)), AudienceType.OPEN,
                AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_VOTING, List.of(
                new QuestionDraft(QuestionType.MULTIPLE_CHOICE, "가장 필요한 분야를 최대 두 개 고르세요.",
                        List.of("교통", "안전", "환경", "복지", "문화"), 1, 2, null),
                new QuestionDraft(QuestionType.RANKING, "다음 사업의 우선순위를 매겨 주세요.",
                        List.of("공공 와이파이", "어린이 놀이터", "버스정류장 온열의자"), null, null, null)), 0), DEPARTMENT_NAME);

        // device-level: anyone may answer once from their phone without signing in (a quick satisfaction survey)
        demoPolls.open(new PollDraft(DEPARTMENT, PollKind.CITY_TO_CITIZEN,
                "시청 민원실 안내, 만족하셨나요?", "로그인 없이 기기 한 대에서 한 번 답할 수 있는 간단한 조사입니다.",
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(7)), AudienceType.OPEN,
                AssuranceLevel.DEVICE, ResultsVisibility.LIVE, List.of(
                new QuestionDraft(QuestionType.SCALE, "민원실 안내에 얼마나 만족하셨나요?", null, null, null, 5)), 0), DEPARTMENT_NAME);

        PollView smoking = demoPolls.open(new PollDraft(DEPARTMENT, PollKind.CITY_TO_CITIZEN,
                "한강공원 금연구역 확대", "지난달 진행한 의견 조사입니다.",
                now.minus(Duration.ofDays(7)), now.plus(Duration.ofHours(1)), AudienceType.OPEN,
                AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_CLOSE, List.of(
                new QuestionDraft(QuestionType.SINGLE_CHOICE, "한강공원 금연구역을 어떻게 해야 할까요?",
                        List.of("공원 전체로 확대", "현행 유지", "흡연 부스를 늘리고 현행 유지"), null, null, null)), 0), DEPARTMENT_NAME);
        List<Long> options = smoking.questions().get(0).options().stream().map(o -> o.id()).toList();
        int[] weights = {23, 9, 8};
        int voter = 0;
        for (int option = 0; option < weights.length; option++) {
            for (int i = 0; i < weights[option]; i++) {
                VoterCredential demoVoter = new VoterCredential(secrets.voterKey("demo:voter:" + voter++),
                        AssuranceLevel.SMS_VERIFIED, Channel.WEB);
                ballotBox.cast(smoking.id(), new BallotPaper(List.of(new AnswerMark(
                        smoking.questions().get(0).id(), List.of(options.get(option))))), demoVoter,
                        UUID.randomUUID().toString());
            }
        }
        closing.close(smoking.id(), SEEDER);
        demoPolls.recordAgenda(smoking.id(), "투표 결과를 시의회 정례회 안건으로 올렸습니다. (데모)");
        LOG.info(() -> "Demo polls seeded: " + carFree.id() + ", " + budget.id() + ", " + smoking.id() + " (closed)");
    }
}
