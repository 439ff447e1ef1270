package dev.pilothouse.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/** Small objects for tests. */
final class Fixtures {

  private Fixtures() {}

  static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  static ConfigMap configMap(String namespace, String name, Map<String, String> labels) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
        .endMetadata().addToData("key", "value").build();
  }

  static Pod pod(String namespace, String name, String... containers) {
    PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .addToLabels("app", name).endMetadata().withNewSpec().endSpec();
    for (String c : containers.length == 0 ? new String[] {"main"} : containers) {
      pod.editSpec().addNewContainer().withName(c).withImage("registry.example.com/" + c + ":1.0").endContainer()
          .endSpec();
    }
    return pod.build();
  }

  static Deployment deployment(String namespace, String name, int replicas, String image) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec()
          .withReplicas(replicas)
          .withNewSelector().addToMatchLabels("app", name).endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", name).endMetadata()
            .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  /** A namespaced CRD "widgets.example.com" (v1, short name wdg, status subresource). */
  static CustomResourceDefinition widgetCrd() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("widgets.example.com").endMetadata()
        .withNewSpec()
          .withGroup("example.com")
          .withScope("Namespaced")
          .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").withShortNames("wdg")
          .endNames()
          .addNewVersion().withName("v1").withServed(true).withStorage(true)
            .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema().endSchema()
            .withNewSubresources().withNewStatus().endStatus().endSubresources()
          .endVersion()
        .endSpec()
        .build();
  }
}
