package org.mvoting.web.portal.components;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvoting.api.staff.OrgUnitView;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.staff.StaffMemberView;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.view.StaffItem;
import org.mvoting.web.portal.view.UnitItem;
import org.primefaces.model.CheckboxTreeNode;
import org.primefaces.model.TreeNode;

/**
 * Who in the city's organisation: units checked in the org chart (a unit stands for everything below it) and
 * people found by name or portal ID. Drawn by {@code <mv:orgChartPicker>} (WEB-INF/tags/org-chart-picker.xhtml);
 * the page's own bean starts it from a saved choice ({@link #preselect}) and reads the choice back
 * ({@link #topmostSelectedUnits}, {@link #getSelectedStaffIds}). One per view.
 */
@Named
@ViewScoped
public class OrgChartPicker implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int STAFF_SEARCH_RESULTS = 20;
    /** Names of people already in a saved choice are looked up again, up to this many. */
    private static final int NAME_LOOKUPS = 50;

    @EJB
    private StaffDirectory directory;

    private TreeNode<UnitItem> units;
    private List<TreeNode<UnitItem>> selectedUnits = new ArrayList<>();
    private List<String> savedUnits = List.of();
    private final List<StaffItem> people = new ArrayList<>();
    private String staffQuery;
    private List<StaffItem> staffResults = List.of();

    /** A saved choice: these units are checked (and opened up to) when the tree is built, these people listed. */
    public void preselect(List<String> unitCodes, List<String> staffIds) {
        savedUnits = unitCodes == null ? List.of() : List.copyOf(unitCodes);
        people.clear();
        List<String> saved = staffIds == null ? List.of() : staffIds;
        for (int i = 0; i < saved.size(); i++) {
            people.add(i < NAME_LOOKUPS ? lookUp(saved.get(i)) : StaffItem.idOnly(saved.get(i)));
        }
    }

    /** The person's name for the list; their portal ID alone when the directory does not answer. */
    private StaffItem lookUp(String staffId) {
        try {
            return directory.searchStaff(staffId, 5).stream().filter(m -> m.staffId().equals(staffId)).findFirst()
                    .map(StaffItem::new).orElseGet(() -> StaffItem.idOnly(staffId));
        } catch (RuntimeException e) {
            return StaffItem.idOnly(staffId);
        }
    }

    /** Reads the org chart now if it was not read yet (the picker is about to be shown). */
    public void show() {
        if (units == null) {
            buildTree();
        }
    }

    public void searchStaff() {
        String text = staffQuery == null ? "" : staffQuery.strip();
        if (text.isEmpty()) {
            staffResults = List.of();
            return;
        }
        List<StaffMemberView> found = directory.searchStaff(text, STAFF_SEARCH_RESULTS);
        staffResults = found.stream().filter(StaffMemberView::active).map(StaffItem::new).toList();
        if (staffResults.isEmpty()) {
            PortalMessages.info("edit.staff.none");
        }
    }

    public void addPerson(StaffItem person) {
        if (person != null && !people.contains(person)) {
            people.add(person);
        }
    }

    public void removePerson(StaffItem person) {
        people.remove(person);
    }

    // --- the org chart tree --------------------------------------------------------------------

    /** Also called while the page renders (the tree's first sight), hence the read that falls back to no units. */
    private void buildTree() {
        CheckboxTreeNode<UnitItem> root = new CheckboxTreeNode<>();
        Map<String, CheckboxTreeNode<UnitItem>> byCode = new HashMap<>();
        for (OrgUnitView unit : PortalMessages.readWhileRendering(directory::orgChart, List.<OrgUnitView>of())) {
            if (!unit.active()) {
                continue;
            }
            CheckboxTreeNode<UnitItem> parent = unit.parentCode() == null ? root
                    : byCode.getOrDefault(unit.parentCode(), root);
            CheckboxTreeNode<UnitItem> node = new CheckboxTreeNode<>(new UnitItem(unit), parent);
            // The city and its divisions open; departments and teams one click away.
            node.setExpanded(parent == root || parent.getParent() == root);
            byCode.put(unit.code(), node);
        }
        selectedUnits = new ArrayList<>();
        for (String code : savedUnits) {
            TreeNode<UnitItem> node = byCode.get(code);
            if (node != null) {
                node.setSelected(true); // a CheckboxTreeNode: checks everything below as well
                for (TreeNode<UnitItem> up = node.getParent(); up != null; up = up.getParent()) {
                    up.setExpanded(true);
                }
            }
        }
        collectSelected(root, selectedUnits);
        units = root;
    }

    private static void collectSelected(TreeNode<UnitItem> node, List<TreeNode<UnitItem>> into) {
        for (TreeNode<UnitItem> child : node.getChildren()) {
            if (child.isSelected()) {
                into.add(child);
            }
            collectSelected(child, into);
        }
    }

    /**
     * The checked units without those under a checked parent: a unit already includes everything below it, and
     * the tree checks children along with their parent.
     */
    public List<String> topmostSelectedUnits() {
        Set<TreeNode<UnitItem>> chosen = new HashSet<>(selectedUnits == null ? List.of() : selectedUnits);
        List<String> codes = new ArrayList<>();
        for (TreeNode<UnitItem> node : chosen) {
            if (node.getData() == null) {
                continue;
            }
            boolean underChosen = false;
            for (TreeNode<UnitItem> up = node.getParent(); up != null && !underChosen; up = up.getParent()) {
                underChosen = chosen.contains(up);
            }
            if (!underChosen) {
                codes.add(node.getData().getCode());
            }
        }
        codes.sort(null);
        return codes;
    }

    /** The portal IDs of the people listed, in the order they were added. */
    public List<String> getSelectedStaffIds() {
        return people.stream().map(StaffItem::getStaffId).toList();
    }

    // --- what the tag file reads ----------------------------------------------------------------

    /** The tree, read from the directory on first sight. */
    public TreeNode<UnitItem> getUnits() {
        show();
        return units;
    }

    public List<TreeNode<UnitItem>> getSelectedUnits() {
        return selectedUnits;
    }

    public void setSelectedUnits(List<TreeNode<UnitItem>> selectedUnits) {
        this.selectedUnits = selectedUnits == null ? new ArrayList<>() : new ArrayList<>(selectedUnits);
    }

    /** The names of the checked units (topmost only), for the summary under the tree. */
    public List<String> getSelectedUnitNames() {
        List<String> codes = topmostSelectedUnits();
        List<String> names = new ArrayList<>();
        for (TreeNode<UnitItem> node : selectedUnits == null ? List.<TreeNode<UnitItem>>of() : selectedUnits) {
            if (node.getData() != null && codes.contains(node.getData().getCode())) {
                names.add(node.getData().getName());
            }
        }
        names.sort(null);
        return names;
    }

    public String getSelectedUnitSummary() {
        return String.join(", ", getSelectedUnitNames());
    }

    public List<StaffItem> getPeople() {
        return people;
    }

    public List<StaffItem> getStaffResults() {
        return staffResults;
    }

    public String getStaffQuery() {
        return staffQuery;
    }

    public void setStaffQuery(String staffQuery) {
        this.staffQuery = staffQuery;
    }
}
