import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReminderLanguage } from "@/db/vocabulary/reminders";
import type { ReminderCopy, ReminderStep } from "./copy";

/** One outstanding merchant step as the email names it: the guide, and exactly what is missing. */
export type OutstandingStep = {
  step: ReminderStep;
  /** key_received / secret_received: which half is missing while the other arrived. */
  missingHalf?: "key" | "secret";
  /** Checkbox labels ("Orders → Write") the last verification found unticked. */
  unticked?: readonly string[];
};

export type ReminderEmailProps = {
  language: ReminderLanguage;
  copy: ReminderCopy;
  contactName: string;
  shopName: string;
  steps: readonly OutstandingStep[];
  pageUrl: string;
  snoozeUrl?: string;
  unsubscribeUrl?: string;
};

const text = { fontSize: "14px", lineHeight: "22px", color: "#1f2937" };

export function ReminderEmail(props: ReminderEmailProps) {
  const { copy } = props;
  return (
    <Html lang={props.language}>
      <Head />
      <Preview>{copy.intro}</Preview>
      <Body style={{ backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Text style={text}>{copy.greeting(props.contactName)}</Text>
          <Text style={text}>{copy.intro}</Text>
          <Heading as="h2" style={{ fontSize: "16px" }}>
            {copy.stepsHeading}
          </Heading>
          {props.steps.map((s) => (
            <Section key={s.step} style={{ marginBottom: "12px" }}>
              <Text style={{ ...text, fontWeight: "bold", margin: "8px 0 4px" }}>{copy.steps[s.step].title}</Text>
              {s.missingHalf ? (
                <Text style={{ ...text, margin: "0 0 4px" }}>
                  {s.missingHalf === "key" ? copy.missingKey : copy.missingSecret}
                </Text>
              ) : null}
              {copy.steps[s.step].instructions.map((line, i) => (
                <Text key={i} style={{ ...text, margin: "0 0 2px" }}>
                  {`${i + 1}. ${line}`}
                </Text>
              ))}
              {s.unticked?.length ? (
                <Text style={{ ...text, margin: "4px 0 0" }}>{`${copy.unticked} ${s.unticked.join(", ")}`}</Text>
              ) : null}
            </Section>
          ))}
          <Text style={text}>
            <Link href={props.pageUrl}>{copy.pageLink}</Link>
          </Text>
          <Text style={text}>{copy.closing}</Text>
          <Text style={text}>{copy.signature}</Text>
          {props.snoozeUrl || props.unsubscribeUrl ? <Hr /> : null}
          {props.snoozeUrl ? (
            <Text style={{ ...text, fontSize: "12px" }}>
              <Link href={props.snoozeUrl}>{copy.snooze}</Link>
            </Text>
          ) : null}
          {props.unsubscribeUrl ? (
            <Text style={{ ...text, fontSize: "12px" }}>
              <Link href={props.unsubscribeUrl}>{copy.unsubscribe}</Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
