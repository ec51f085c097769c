CREATE INDEX "offers_updated" ON "offers" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "support_requests_updated" ON "support_requests" USING btree ("updated_at");