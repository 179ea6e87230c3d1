package dev.wirelab.export.gradescope;

import dev.wirelab.export.RootPom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The build a submission is compiled in: the repository's root pom with its module list cut down to the
 * starter and the modules it depends on (harness/api, labs/common), those modules' poms and main sources,
 * and the starter's pom without its sources (the submission brings them). Transforming the real root
 * pom, not writing a new one, keeps plugin and library versions the ones the course was built with.
 */
public final class BuildSkeleton {
  private final Path repository;
  private final String starterModule;
  private final List<String> modules;

  private BuildSkeleton(Path repository, String starterModule, List<String> modules) {
    this.repository = repository;
    this.starterModule = starterModule;
    this.modules = modules;
  }

  public static BuildSkeleton of(Path repository, String starterModule) throws IOException {
    Document root = parse(repository.resolve("pom.xml"));
    String groupId = childText(root.getDocumentElement(), "groupId");
    List<String> allModules = childTexts(child(root.getDocumentElement(), "modules"), "module");
    if (!allModules.contains(starterModule)) {
      throw new IOException("expected " + starterModule + " among the root pom's modules but was " + allModules);
    }
    Map<String, String> moduleByArtifact = new LinkedHashMap<>();
    Map<String, List<String>> projectDependencies = new LinkedHashMap<>();
    for (String module : allModules) {
      Element project = parse(repository.resolve(module).resolve("pom.xml")).getDocumentElement();
      moduleByArtifact.put(childText(project, "artifactId"), module);
      List<String> dependencies = new ArrayList<>();
      Element dependencyList = child(project, "dependencies");
      if (dependencyList != null) {
        for (Element dependency : children(dependencyList, "dependency")) {
          String dependencyGroup = childText(dependency, "groupId");
          if (groupId.equals(dependencyGroup) || "${project.groupId}".equals(dependencyGroup)) {
            dependencies.add(childText(dependency, "artifactId"));
          }
        }
      }
      projectDependencies.put(module, dependencies);
    }
    Set<String> needed = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(starterModule));
    while (!pending.isEmpty()) {
      String module = pending.pop();
      if (!needed.add(module)) continue;
      for (String artifactId : projectDependencies.get(module)) {
        String dependencyModule = moduleByArtifact.get(artifactId);
        if (dependencyModule == null) {
          throw new IOException("expected " + groupId + ":" + artifactId + " (needed by " + module
              + ") to be a module of the root pom but it is not");
        }
        pending.push(dependencyModule);
      }
    }
    List<String> inRootOrder = allModules.stream().filter(needed::contains).toList();
    return new BuildSkeleton(repository, starterModule, inRootOrder);
  }

  /** In the root pom's order, the starter among them. */
  public List<String> modules() {
    return modules;
  }

  /** Writes the skeleton's files under {@code prefix} (such as {@code skeleton/}). */
  public void writeTo(BundleZip zip, String prefix) throws IOException {
    zip.file(prefix + "pom.xml", rootPom().getBytes(StandardCharsets.UTF_8));
    Path mavenConfig = repository.resolve(".mvn/maven.config");
    if (Files.isRegularFile(mavenConfig)) zip.file(prefix + ".mvn/maven.config", mavenConfig);
    for (String module : modules) {
      Path moduleDir = repository.resolve(module);
      zip.file(prefix + module + "/pom.xml", moduleDir.resolve("pom.xml"));
      if (module.equals(starterModule)) continue; // the submission's src/ goes here
      Path sources = moduleDir.resolve("src/main");
      if (!Files.isDirectory(sources)) continue;
      List<Path> files;
      try (Stream<Path> walk = Files.walk(sources)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        zip.file(prefix + module + "/" + moduleDir.relativize(file).toString().replace('\\', '/'), file);
      }
    }
  }

  /** The root pom with only this skeleton's modules, and a comment that says where it came from. */
  String rootPom() throws IOException {
    Set<String> artifactIds = new LinkedHashSet<>();
    for (String module : modules) {
      artifactIds.add(RootPom.artifactId(Files.readString(repository.resolve(module).resolve("pom.xml"))));
    }
    String pom = RootPom.cutDown(Files.readString(repository.resolve("pom.xml")), modules, artifactIds);
    String comment = "<!-- Written by wirelab's Gradescope export from the course's root pom: only the modules "
        + starterModule + " needs. -->\n";
    int afterDeclaration = pom.startsWith("<?xml") ? pom.indexOf('\n') + 1 : 0;
    return pom.substring(0, afterDeclaration) + comment + pom.substring(afterDeclaration);
  }

  private static Document parse(Path pom) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(pom.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("expected a pom at " + pom + " but it does not parse: " + e.getMessage(), e);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) found.add(element);
    }
    return found;
  }

  private static String childText(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }

  private static List<String> childTexts(Element parent, String name) {
    if (parent == null) return List.of();
    return children(parent, name).stream().map(element -> element.getTextContent().trim()).toList();
  }
}
