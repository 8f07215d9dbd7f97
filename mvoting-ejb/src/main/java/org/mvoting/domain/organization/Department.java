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

    protected Department() {
    }

    public Department(String code, String name) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
    }

    public void rename(String newName) {
        this.name = Objects.requireNonNull(newName, "name");
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
