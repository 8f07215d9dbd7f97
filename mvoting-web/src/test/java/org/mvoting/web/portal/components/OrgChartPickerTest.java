package org.mvoting.web.portal.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.api.staff.OrgUnitView;
import org.mvoting.web.portal.view.StaffItem;
import org.mvoting.web.portal.view.UnitItem;
import org.primefaces.model.CheckboxTreeNode;
import org.primefaces.model.TreeNode;

/** What the picker hands back: the topmost checked units, and the people in the order they were added. */
class OrgChartPickerTest {

    @Test
    void aCheckedUnitStandsForEverythingBelowItAndTheSummaryNamesOnlyTheTopmost() {
        CheckboxTreeNode<UnitItem> root = new CheckboxTreeNode<>();
        CheckboxTreeNode<UnitItem> city = node(root, "CITY", null);
        CheckboxTreeNode<UnitItem> welfare = node(city, "WEL", "CITY");
        CheckboxTreeNode<UnitItem> elderly = node(welfare, "WEL-1", "WEL");

        OrgChartPicker picker = new OrgChartPicker();
        picker.setSelectedUnits(List.of(welfare, elderly));
        assertEquals(List.of("WEL"), picker.topmostSelectedUnits());
        assertEquals("WEL name", picker.getSelectedUnitSummary());
        picker.setSelectedUnits(null);
        assertEquals(List.of(), picker.topmostSelectedUnits());
    }

    @Test
    void aPersonIsListedOnceInTheOrderAdded() {
        OrgChartPicker picker = new OrgChartPicker();
        picker.addPerson(StaffItem.idOnly("kim01"));
        picker.addPerson(StaffItem.idOnly("lee02"));
        picker.addPerson(StaffItem.idOnly("kim01"));
        assertEquals(List.of("kim01", "lee02"), picker.getSelectedStaffIds());
        picker.removePerson(StaffItem.idOnly("kim01"));
        assertEquals(List.of("lee02"), picker.getSelectedStaffIds());
    }

    private static CheckboxTreeNode<UnitItem> node(TreeNode<UnitItem> parent, String code, String parentCode) {
        return new CheckboxTreeNode<>(new UnitItem(new OrgUnitView(code, code + " name", "DEPARTMENT", parentCode, true)),
                parent);
    }
}
