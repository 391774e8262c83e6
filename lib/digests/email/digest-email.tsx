import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { DigestView } from "../digest-view";

const text = { fontSize: "14px", lineHeight: "22px", color: "#1f2937" };
const muted = { ...text, fontSize: "13px", color: "#6b7280" };

/** A staff digest: greeting, sections of linked lines (or a sentence when empty), a console link. */
export function DigestEmail({ view }: { view: DigestView }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{view.preview}</Preview>
      <Body style={{ backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "640px" }}>
          <Text style={text}>{view.greeting}</Text>
          <Text style={text}>{view.intro}</Text>
          {view.sections.map((section) => (
            <Section key={section.heading} style={{ marginTop: "16px" }}>
              <Heading as="h2" style={{ fontSize: "16px", margin: "0 0 4px" }}>
                {section.heading}
              </Heading>
              {section.summary ? <Text style={{ ...muted, margin: "0 0 8px" }}>{section.summary}</Text> : null}
              {section.lines.length === 0 ? <Text style={{ ...text, margin: "0" }}>{section.empty}</Text> : null}
              {section.lines.map((line, i) => (
                <Text key={i} style={{ ...text, margin: "0 0 6px" }}>
                  <Link href={line.href}>{line.label}</Link>
                  {` — ${line.detail}`}
                </Text>
              ))}
              {section.more ? <Text style={{ ...muted, margin: "0" }}>{section.more}</Text> : null}
            </Section>
          ))}
          <Text style={{ ...text, marginTop: "20px" }}>
            <Link href={view.console.href}>{view.console.label}</Link>
          </Text>
          <Hr />
          <Text style={muted}>{view.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
