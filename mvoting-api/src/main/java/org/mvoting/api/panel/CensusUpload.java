package org.mvoting.api.panel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the uploader says about a table: its title, where the numbers come from, and whether it is only an example. */
public record CensusUpload(@NotBlank @Size(max = TITLE_MAX) String title, @NotBlank @Size(max = SOURCE_MAX) String source,
                           @NotNull Boolean illustrative) {

    /** census_table.title, census_table.source. */
    public static final int TITLE_MAX = 200;
    public static final int SOURCE_MAX = 500;
}
