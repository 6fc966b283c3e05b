/** Placeholder: the project browser (issue 5) is being built here. */
export function ProjectBrowser() {
  return <div className="project-browser" />;
}
