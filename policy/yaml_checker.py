"""Reading a policy's YAML nodes and naming the line of every problem."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from policy.model import PolicyProblem


class Checker:
    """Reads YAML nodes by kind and collects every problem with its line, so one run of
    `feedwatch policy check` names them all rather than the first."""

    def __init__(self) -> None:
        self.problems: list[PolicyProblem] = []

    def add(self, node: Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.problems.append(PolicyProblem(line, message))

    def mapping(self, node: Node | None, what: str) -> dict[str, tuple[Node, Node]]:
        """key -> (key node, value node); reports a non-mapping or duplicate keys."""
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} must be a mapping")
            return {}
        out: dict[str, tuple[Node, Node]] = {}
        for k, v in node.value:
            key = str(k.value)
            if key in out:
                self.add(k, f"{what}: duplicate key {key!r}")
            out[key] = (k, v)
        return out

    def text(self, node: Node | None, what: str, required: bool = True) -> str:
        if not isinstance(node, ScalarNode) or not isinstance(node.value, str):
            self.add(node, f"{what} must be text")
            return ""
        value = node.value.strip()
        if required and not value:
            self.add(node, f"{what} must not be empty")
        return value

    def texts(self, node: Node | None, what: str) -> tuple[str, ...]:
        if not isinstance(node, SequenceNode):
            self.add(node, f"{what} must be a list of texts")
            return ()
        return tuple(self.text(item, what) for item in node.value)
