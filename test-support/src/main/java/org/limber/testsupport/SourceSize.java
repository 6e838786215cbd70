package org.limber.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;

/**
 * Measures a class's source file and the methods in it: the file's lines, and each method's or
 * constructor's lines from the line of its name to its closing brace (annotations and Javadoc above
 * it are not counted). The source of a class compiled to {@code <module>/target/classes} is looked for
 * in {@code <module>/src/main/java}; a class with no source there (generated code) is not measured.
 */
final class SourceSize {

    /** A method or constructor longer than the limit: its name and first line, and its length. */
    record LongMethod(String name, int line, int lines) {}

    private static final String CLASSES = "/target/classes/";

    private final Path file;
    private final List<String> text;

    SourceSize(Path file, List<String> text) {
        this.file = file;
        this.text = text;
    }

    /** The source file of a top-level class, when it was compiled from {@code src/main/java}. */
    static Optional<SourceSize> of(JavaClass javaClass) {
        Optional<Source> source = javaClass.getSource();
        if (source.isEmpty() || source.get().getFileName().isEmpty()) {
            return Optional.empty();
        }
        URI uri = source.get().getUri();
        if (!"file".equals(uri.getScheme())) {
            return Optional.empty();
        }
        String classFile = Path.of(uri).toString().replace('\\', '/');
        int classes = classFile.lastIndexOf(CLASSES);
        if (classes < 0) {
            return Optional.empty();
        }
        Path sourceFile = Path.of(classFile.substring(0, classes), "src", "main", "java")
                .resolve(javaClass.getPackageName().replace('.', '/'))
                .resolve(source.get().getFileName().get());
        if (!Files.isRegularFile(sourceFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SourceSize(sourceFile, Files.readAllLines(sourceFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    int lines() {
        return text.size();
    }

    /** Every method and constructor in the file (nested and anonymous classes included) over {@code limit} lines. */
    List<LongMethod> methodsOver(int limit) {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));
        ParseResult<CompilationUnit> parsed = parser.parse(String.join("\n", text));
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new IllegalStateException("Cannot parse " + file + ": " + parsed.getProblems());
        }
        List<LongMethod> found = new ArrayList<>();
        CompilationUnit unit = parsed.getResult().get();
        for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
            measure(callable.getNameAsString(), callable.getName(), callable, limit, found);
        }
        for (CompactConstructorDeclaration compact : unit.findAll(CompactConstructorDeclaration.class)) {
            measure(compact.getNameAsString(), compact.getName(), compact, limit, found);
        }
        return found;
    }

    private static void measure(String name, Node start, Node whole, int limit, List<LongMethod> found) {
        int first = start.getBegin().orElseThrow().line;
        int last = whole.getEnd().orElseThrow().line;
        int lines = last - first + 1;
        if (lines > limit) {
            found.add(new LongMethod(name, first, lines));
        }
    }
}
