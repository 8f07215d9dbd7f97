package org.mvoting.api.polls;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A city department that owns polls (until the staff directory sync provides the org chart). */
public record DepartmentView(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
        @NotBlank @Size(max = 200) String name) {
}
