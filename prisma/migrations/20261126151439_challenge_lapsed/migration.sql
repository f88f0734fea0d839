-- AlterEnum
ALTER TYPE "ChallengeStatus" ADD VALUE 'LAPSED';
