import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobView } from "@/lib/jobs/admin";
import { TimeStamp } from "@/components/time/time-stamp";
import { jobHref } from "../search-params";
import { JobActions } from "./job-actions";

/** Jobs with their payload (ids only), state, attempts and error; each opens its detail view. */
export function JobsTable({ jobs, empty, listHref }: { jobs: JobView[]; empty: string; listHref: string }) {
  if (jobs.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <Table aria-label="Jobs">
      <TableHeader>
        <TableRow>
          <TableHead>Job</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Payload</TableHead>
          <TableHead>Error</TableHead>
          <TableHead>Created</TableHead>
          <TableHead />
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={`${job.queue}/${job.id}`} data-testid="job-row">
            <TableCell className="align-top">
              <Link className="font-medium underline" href={jobHref(job.queue, job.id)}>
                {job.name}
              </Link>
              <div className="max-w-72 truncate font-mono text-xs text-muted-foreground" title={job.id}>
                {job.queue} · {job.id}
              </div>
            </TableCell>
            <TableCell className="align-top">
              <Badge
                variant={job.state === "failed" ? "destructive" : job.state === "completed" ? "success" : "secondary"}
              >
                {job.state}
              </Badge>
              <div className="text-xs text-muted-foreground">
                {job.attemptsMade} attempt{job.attemptsMade === 1 ? "" : "s"}
              </div>
            </TableCell>
            <TableCell className="align-top font-mono text-xs">
              {Object.entries(job.data).map(([key, value]) => (
                <div key={key}>
                  {key}:{" "}
                  {key === "merchantId" && typeof value === "string" ? (
                    <Link className="underline" href={`/merchants/${value}`}>
                      {value}
                    </Link>
                  ) : (
                    String(value)
                  )}
                </div>
              ))}
            </TableCell>
            <TableCell className="max-w-96 align-top text-sm whitespace-normal">{job.failedReason ?? "—"}</TableCell>
            <TableCell className="align-top text-sm whitespace-nowrap">
              <TimeStamp date={job.createdAt} mode="relative" />
            </TableCell>
            <TableCell className="text-right align-top">
              <JobActions queue={job.queue} jobId={job.id} state={job.state} listHref={listHref} compact />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
