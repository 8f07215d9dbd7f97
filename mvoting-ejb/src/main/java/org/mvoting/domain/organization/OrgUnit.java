package org.mvoting.domain.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A unit of the org chart as the directory last described it. Units that leave the directory stay,
 * inactive, so that old polls' audiences still read.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    public static final int CODE_LENGTH = 32;

    /** Levels of the chart, top first. */
    public enum Kind { CITY, DIVISION, DEPARTMENT, TEAM }

    @Id
    @Column(length = CODE_LENGTH)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(name = "parent_code", length = CODE_LENGTH)
    private String parentCode;

    /** '/CITY/DIV-ADMIN/DEPT-IT/': this unit and every unit below it share the prefix. */
    @Column(nullable = false, length = 600)
    private String path;

    @Column(nullable = false)
    private boolean active;

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, Kind kind, String parentCode, String path) {
        this.code = Objects.requireNonNull(code, "code");
        this.active = true;
        describe(name, kind, parentCode, path);
    }

    /** Takes the directory's current description; true when anything changed. */
    public boolean describe(String newName, Kind newKind, String newParent, String newPath) {
        boolean changed = !Objects.equals(name, newName) || kind != newKind || !Objects.equals(parentCode, newParent)
                || !Objects.equals(path, newPath) || !active;
        this.name = Objects.requireNonNull(newName, "name");
        this.kind = Objects.requireNonNull(newKind, "kind");
        this.parentCode = newParent;
        this.path = Objects.requireNonNull(newPath, "path");
        this.active = true;
        return changed;
    }

    /** The directory no longer has this unit. */
    public void retire() {
        active = false;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public String parentCode() {
        return parentCode;
    }

    public String path() {
        return path;
    }

    public boolean active() {
        return active;
    }

    /** True when {@code other} is this unit or lies below it. */
    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrgUnit u && code.equals(u.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
