package org.mvoting.api.polls;

import java.util.List;

/** One page of a longer list. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
