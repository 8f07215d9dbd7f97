package org.mvoting.api.events;

/** One row of a participant list (CSV/Excel or JSON): name, phone, optional group or table. */
public record ParticipantRow(String name, String phone, String group) {
}
