package org.mvoting.domain.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** A city department; polls are registered by and published under a department. */
@Entity
@Table(name = "department")
public class Department {

    public static final int CODE_LENGTH = 32;
    public static final int NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = CODE_LENGTH)
    private String code;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    /** False once the directory no longer has this department; its polls stay readable. */
    @Column(nullable = false)
    private boolean active = true;

    protected Department() {
    }

    public Department(String code, String name) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
    }

    public void rename(String newName) {
        this.name = Objects.requireNonNull(newName, "name");
    }

    /** The directory lists this department (again). */
    public void reinstate(String currentName) {
        rename(currentName);
        active = true;
    }

    public void retire() {
        active = false;
    }

    public boolean active() {
        return active;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Department d && code.equals(d.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
