package org.mvoting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of the EJB tier's layout (docs/architecture.md), read off the sources so that a class put in the wrong
 * room fails the build: use cases in application/ sub-packages, all SQL in infrastructure/persistence, a
 * package-info in every package, the domain free of the layers above it, and settings read from one source.
 */
class LayersTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "mvoting");
    private static final Pattern SQL = Pattern.compile("\\bEntityManager\\b|createNativeQuery|createQuery|@PersistenceContext");

    private static List<Path> sources(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void applicationHasNoClassAtItsRootOnlyUseCasePackages() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("application"))) {
            List<String> loose = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("package-info.java")).toList();
            assertEquals(List.of(), loose, "classes at the root of application/");
        }
        for (String useCase : List.of("ballots", "polls", "citizenpolls", "events", "identity", "citizens", "staff",
                "audit", "messaging", "demo")) {
            assertTrue(Files.isDirectory(MAIN.resolve("application").resolve(useCase)), useCase);
        }
    }

    @Test
    void onlyInfrastructurePersistenceTouchesTheEntityManagerOrWritesQueries() throws IOException {
        Path persistence = MAIN.resolve("infrastructure").resolve("persistence");
        List<Path> sources = sources(MAIN);
        assertTrue(sources.size() > 100, "the sources are found");
        for (Path source : sources) {
            if (!source.startsWith(persistence)) {
                assertTrue(!SQL.matcher(Files.readString(source)).find(),
                        () -> source + " uses the EntityManager or a query: move it behind infrastructure/persistence");
            }
        }
    }

    @Test
    void theDomainImportsNeitherTheApplicationNorTheInfrastructure() throws IOException {
        for (Path source : sources(MAIN.resolve("domain"))) {
            String text = Files.readString(source);
            assertTrue(!text.contains("import org.mvoting.application.") && !text.contains("import org.mvoting.infrastructure."),
                    () -> source + " reaches up into a layer above the domain");
        }
    }

    @Test
    void settingsAndTheCitysClockComeFromCitySettingsOnly() throws IOException {
        Pattern ownRead = Pattern.compile("ZoneId\\.of\\(\"|System\\.getenv\\(|getProperty\\(\"mvoting\\.");
        for (Path source : sources(MAIN)) {
            assertTrue(!ownRead.matcher(Files.readString(source)).find(),
                    () -> source + " reads a zone or a setting of its own: use org.mvoting.api.settings.CitySettings");
        }
    }

    @Test
    void everyPackageSaysWhatItHoldsInItsPackageInfo() throws IOException {
        try (Stream<Path> folders = Files.walk(MAIN)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                boolean hasClasses;
                try (Stream<Path> files = Files.list(folder)) {
                    hasClasses = files.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasClasses) {
                    Path info = folder.resolve("package-info.java");
                    assertTrue(Files.exists(info), () -> folder + " has no package-info.java");
                    assertTrue(Files.readString(info).startsWith("/** "), () -> info + " does not open with its line");
                }
            }
        }
    }
}
