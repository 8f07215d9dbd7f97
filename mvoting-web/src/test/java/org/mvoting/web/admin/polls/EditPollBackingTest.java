package org.mvoting.web.admin.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.api.staff.OrgUnitView;
import org.mvoting.web.portal.components.OrgChartPicker;
import org.mvoting.web.portal.view.UnitItem;
import org.primefaces.model.CheckboxTreeNode;
import org.primefaces.model.TreeNode;

/** The editor's translation of the org-chart picker's checks and of validation paths into what the service and the page need. */
class EditPollBackingTest {

    @Test
    void aCheckedUnitStandsForEverythingBelowIt() {
        CheckboxTreeNode<UnitItem> root = new CheckboxTreeNode<>();
        CheckboxTreeNode<UnitItem> city = node(root, "CITY", null);
        CheckboxTreeNode<UnitItem> welfare = node(city, "WEL", "CITY");
        CheckboxTreeNode<UnitItem> elderly = node(welfare, "WEL-1", "WEL");
        CheckboxTreeNode<UnitItem> youth = node(welfare, "WEL-2", "WEL");
        CheckboxTreeNode<UnitItem> transport = node(city, "TRA", "CITY");
        CheckboxTreeNode<UnitItem> roads = node(transport, "TRA-1", "TRA");

        OrgChartPicker picker = new OrgChartPicker();
        List<TreeNode<UnitItem>> checked = new ArrayList<>(List.of(welfare, elderly, youth, roads));
        picker.setSelectedUnits(checked);
        assertEquals(List.of("TRA-1", "WEL"), picker.topmostSelectedUnits());
        assertEquals(List.of("TRA-1", "WEL"), new EditPollBacking(picker).staffAudience().units());
    }

    private static CheckboxTreeNode<UnitItem> node(TreeNode<UnitItem> parent, String code, String parentCode) {
        return new CheckboxTreeNode<>(new UnitItem(new OrgUnitView(code, code + " name", "DEPARTMENT", parentCode, true)),
                parent);
    }

    @Test
    void validationPathsBecomeThePortalsOwnMessages() {
        assertEquals("edit.invalid.title", PollDraftChecks.messageFor("title"));
        assertEquals("edit.invalid.period", PollDraftChecks.messageFor("closesAt"));
        assertEquals("edit.invalid.questionText#3", PollDraftChecks.messageFor("questions[2].text"));
        assertEquals("edit.invalid.options#1", PollDraftChecks.messageFor("questions[0].options[4].<list element>"));
        assertEquals("edit.invalid.questions", PollDraftChecks.messageFor("questions"));
        assertEquals("validation-failed", PollDraftChecks.messageFor("somethingNew"));
    }
}
