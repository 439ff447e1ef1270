package dev.pilothouse.demo.simulator;

/** One reconcile step of a simulated controller; runs once per tick. */
interface Controller {
  void reconcile(SimulationContext context);
}
