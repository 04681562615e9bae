using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TalentCloud.Core.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class EnterpriseTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrganizationMembers_UserId",
                table: "OrganizationMembers");

            migrationBuilder.AddColumn<long>(
                name: "EnterpriseEndsAt",
                table: "Organizations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfferApprovalFixedAbove",
                table: "Organizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfferApprovalHourlyAbove",
                table: "Organizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalReason",
                table: "Offers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "Offers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedByUserId",
                table: "Offers",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "Offers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReleasedAt",
                table: "Offers",
                type: "bigint",
                nullable: true);

            // Offers made before approvals existed were shown to their freelancer when they were sent (as in the SQLite twin).
            migrationBuilder.Sql("""UPDATE "Offers" SET "ReleasedAt" = "CreatedAt";""");

            migrationBuilder.CreateTable(
                name: "TeamInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    SendCount = table.Column<int>(type: "integer", nullable: false),
                    RespondedAt = table.Column<long>(type: "bigint", nullable: true),
                    AcceptedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamInvitations_AspNetUsers_InvitedByUserId",
                        column: x => x.InvitedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamInvitations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationMembers_UserId",
                table: "OrganizationMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamInvitations_InvitedByUserId_SentAt",
                table: "TeamInvitations",
                columns: new[] { "InvitedByUserId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamInvitations_OrganizationId_NormalizedEmail",
                table: "TeamInvitations",
                columns: new[] { "OrganizationId", "NormalizedEmail" },
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_TeamInvitations_TokenHash",
                table: "TeamInvitations",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TeamInvitations");

            migrationBuilder.DropIndex(
                name: "IX_OrganizationMembers_UserId",
                table: "OrganizationMembers");

            migrationBuilder.DropColumn(
                name: "EnterpriseEndsAt",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "OfferApprovalFixedAbove",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "OfferApprovalHourlyAbove",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ApprovalReason",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "Offers");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationMembers_UserId",
                table: "OrganizationMembers",
                column: "UserId");
        }
    }
}
