package org.mvoting.api.staff;

/** One unit of the org chart: CITY, DIVISION, DEPARTMENT or TEAM. */
public record OrgUnitView(String code, String name, String kind, String parentCode, boolean active) {
}
