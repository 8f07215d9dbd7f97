package org.mvoting.api.polls;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Who may vote in a city-to-staff poll: org units (each with everything below it) and named people. */
public record StaffAudience(@NotNull @Size(max = 500) List<@NotBlank @Size(max = 32) String> units,
                            @NotNull @Size(max = 5000) List<@NotBlank @Size(max = 64) String> people) {

    public StaffAudience {
        units = units == null ? null : List.copyOf(units);
        people = people == null ? null : List.copyOf(people);
    }
}
