package dev.wirelab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The root pom's modules and which of them each one depends on, read from the poms' {@code <dependencies>}
 * (this project's groupId only). Both exports ask it what a set of starters needs, so a starter that
 * gains or drops a dependency on labs/common is exported accordingly without anyone editing a list.
 */
public final class ModuleGraph {
  private final String groupId;
  private final List<String> modules;
  private final Map<String, String> moduleByArtifact;
  private final Map<String, List<String>> dependencyArtifacts;

  private ModuleGraph(String groupId, List<String> modules, Map<String, String> moduleByArtifact,
      Map<String, List<String>> dependencyArtifacts) {
    this.groupId = groupId;
    this.modules = modules;
    this.moduleByArtifact = moduleByArtifact;
    this.dependencyArtifacts = dependencyArtifacts;
  }

  public static ModuleGraph of(Path repository) throws IOException {
    Element root = parse(repository.resolve("pom.xml")).getDocumentElement();
    String groupId = childText(root, "groupId");
    List<String> modules = childTexts(child(root, "modules"), "module");
    Map<String, String> moduleByArtifact = new LinkedHashMap<>();
    Map<String, List<String>> dependencyArtifacts = new LinkedHashMap<>();
    for (String module : modules) {
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
      dependencyArtifacts.put(module, dependencies);
    }
    return new ModuleGraph(groupId, modules, moduleByArtifact, dependencyArtifacts);
  }

  /** Every module the root pom lists, in its order. */
  public List<String> modules() {
    return modules;
  }

  /** {@code wanted} and every module they depend on, directly or not, in the root pom's order. */
  public List<String> withDependencies(Collection<String> wanted) throws IOException {
    for (String module : wanted) {
      if (!modules.contains(module)) {
        throw new IOException("expected " + module + " among the root pom's modules but was " + modules);
      }
    }
    Set<String> needed = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(wanted);
    while (!pending.isEmpty()) {
      String module = pending.pop();
      if (!needed.add(module)) continue;
      for (String artifactId : dependencyArtifacts.get(module)) {
        String dependencyModule = moduleByArtifact.get(artifactId);
        if (dependencyModule == null) {
          throw new IOException("expected " + groupId + ":" + artifactId + " (needed by " + module
              + ") to be a module of the root pom but it is not");
        }
        pending.push(dependencyModule);
      }
    }
    return modules.stream().filter(needed::contains).toList();
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
